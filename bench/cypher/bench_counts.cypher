// What the graph holds, from the count store: all nodes and relationships,
// the reports, the events (one relationship of a relation type each) and
// the ALIGNMENT aggregates, ALIGNMENT_YEAR totals and SHIFT markers.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { MATCH (r:Report) RETURN count(r) AS reports }
CALL () { MATCH ()-[r:ALIGNMENT]->() RETURN count(r) AS aggregates }
CALL () { MATCH ()-[r:ALIGNMENT_YEAR]->() RETURN count(r) AS year_totals }
CALL () { MATCH ()-[r:SHIFT]->() RETURN count(r) AS shifts }
CALL () { MATCH ()-[r:MET_WITH]->() RETURN count(r) AS met_with }
CALL () { MATCH ()-[r:AGREED_WITH]->() RETURN count(r) AS agreed_with }
CALL () { MATCH ()-[r:SUPPORTED]->() RETURN count(r) AS supported }
CALL () { MATCH ()-[r:AIDED]->() RETURN count(r) AS aided }
CALL () { MATCH ()-[r:REQUESTED]->() RETURN count(r) AS requested }
CALL () { MATCH ()-[r:ACCUSED]->() RETURN count(r) AS accused }
CALL () { MATCH ()-[r:REJECTED]->() RETURN count(r) AS rejected }
CALL () { MATCH ()-[r:WARNED]->() RETURN count(r) AS warned }
CALL () { MATCH ()-[r:SANCTIONED]->() RETURN count(r) AS sanctioned }
CALL () { MATCH ()-[r:DEPLOYED_TO]->() RETURN count(r) AS deployed_to }
CALL () { MATCH ()-[r:ATTACKED]->() RETURN count(r) AS attacked }
RETURN nodes, relationships, reports, aggregates, year_totals, shifts,
       met_with + agreed_with + supported + aided + requested + accused + rejected + warned
         + sanctioned + deployed_to + attacked AS events
