// The query tests' graph in the model of docs/events.md, written by hand
// until the writer makes it: articles, their (:Report)s, one typed
// relationship per event, and the ALIGNMENT aggregates and ALIGNMENT_YEAR
// totals that a recomputation from the events gives
// (TestFixtureConsistent checks it).
//
// IRN-USA: January 2014 talks in Vienna (one MET_WITH event reported by a1
// and a2, a meeting of three with GBR) and a warning; February sanctions;
// nothing in March (a gap); an April agreement; a June warning dated to
// the month; a background sanction dated to 2014 only (a year aggregate);
// a hypothetical attack (never counted). GBR is friendly with both; GBR
// and USA are hostile to RUS (a negated meeting does not count, a planned
// warning counts with the planned factor); ISIL attacked IRQ; u1 has no
// date: its events have none, and no aggregate.
CREATE (usa:Actor:Country {code: 'USA', name: 'United States'}),
       (irn:Actor:Country {code: 'IRN', name: 'Iran'}),
       (gbr:Actor:Country {code: 'GBR', name: 'United Kingdom'}),
       (rus:Actor:Country {code: 'RUS', name: 'Russia'}),
       (irq:Actor:Country {code: 'IRQ', name: 'Iraq'}),
       (:Actor:Country {code: 'AUT', name: 'Austria'}),
       (isil:Actor {code: 'ISIL', name: 'Islamic State', kind: 'armed_group'}),
       (:Person {id: 'john-kerry@USA', name: 'John Kerry'}),
       (:Person {id: 'mohammad-javad-zarif@IRN', name: 'Mohammad Javad Zarif'}),
       (m1:Meeting {id: 'a1:m1', kind: 'talks', name: 'nuclear talks', date: date('2014-01-10'), place: 'Vienna'}),
       (usa)-[:ATTENDED]->(m1), (irn)-[:ATTENDED]->(m1), (gbr)-[:ATTENDED]->(m1),

       (a1:Article {id: 'a1', url: 'https://example.org/a1', title: 'a1', source: 'Fixture', published: date('2014-01-10')}),
       (a2:Article {id: 'a2', url: 'https://example.org/a2', title: 'a2', source: 'Fixture', published: date('2014-01-11')}),
       (a3:Article {id: 'a3', url: 'https://example.org/a3', title: 'a3', source: 'Fixture', published: date('2014-02-05')}),
       (a4:Article {id: 'a4', url: 'https://example.org/a4', title: 'a4', source: 'Fixture', published: date('2014-04-03')}),
       (a5:Article {id: 'a5', url: 'https://example.org/a5', title: 'a5', source: 'Fixture', published: date('2014-04-20')}),
       (a6:Article {id: 'a6', url: 'https://example.org/a6', title: 'a6', source: 'Fixture', published: date('2014-07-01')}),
       (u1:Article:Undated {id: 'u1', url: 'https://example.org/u1', title: 'u1', source: 'Fixture'}),

       // Reports.
       (a1)-[:HAS_REPORT]->(:Report {id: 'a1#0', article_id: 'a1', event_id: 'ev:1000000000000001', type: 'MET_WITH', source: 'USA', target: 'IRN', date: date('2014-01-10'), date_precision: 'day', background: false, modality: 'asserted', negated: false, sentence: 'Kerry met Zarif in Vienna.', confidence: 0.9, source_person: 'john-kerry@USA', target_person: 'mohammad-javad-zarif@IRN', meeting: 'a1:m1'}),
       (a1)-[:HAS_REPORT]->(:Report {id: 'a1#1', article_id: 'a1', event_id: 'ev:1000000000000002', type: 'MET_WITH', source: 'GBR', target: 'IRN', date: date('2014-01-10'), date_precision: 'day', background: false, modality: 'asserted', negated: false, sentence: 'Britain, Iran and the US met in Vienna.', confidence: 0.9, meeting: 'a1:m1'}),
       (a1)-[:HAS_REPORT]->(:Report {id: 'a1#2', article_id: 'a1', event_id: 'ev:1000000000000003', type: 'MET_WITH', source: 'GBR', target: 'USA', date: date('2014-01-10'), date_precision: 'day', background: false, modality: 'asserted', negated: false, sentence: 'Britain, Iran and the US met in Vienna.', confidence: 0.9, meeting: 'a1:m1'}),
       (a1)-[:HAS_REPORT]->(:Report {id: 'a1#3', article_id: 'a1', event_id: 'ev:1000000000000004', type: 'WARNED', source: 'USA', target: 'IRN', date: date('2014-01-10'), date_precision: 'day', background: false, modality: 'asserted', negated: false, sentence: 'The US warned Iran.', confidence: 0.8}),
       (a2)-[:HAS_REPORT]->(:Report {id: 'a2#0', article_id: 'a2', event_id: 'ev:1000000000000001', type: 'MET_WITH', source: 'IRN', target: 'USA', date: date('2014-01-11'), date_precision: 'day', background: false, modality: 'asserted', negated: false, sentence: 'Zarif and Kerry met again on Saturday.', confidence: 0.95}),
       (a3)-[:HAS_REPORT]->(:Report {id: 'a3#0', article_id: 'a3', event_id: 'ev:1000000000000005', type: 'SANCTIONED', source: 'USA', target: 'IRN', date: date('2014-02-05'), date_precision: 'day', background: false, modality: 'asserted', negated: false, sentence: 'Washington sanctioned Tehran.', confidence: 0.9}),
       (a3)-[:HAS_REPORT]->(:Report {id: 'a3#1', article_id: 'a3', event_id: 'ev:1000000000000006', type: 'MET_WITH', source: 'GBR', target: 'IRN', date: date('2014-02-05'), date_precision: 'day', background: false, modality: 'asserted', negated: false, sentence: 'Britain met Iran.', confidence: 0.9}),
       (a4)-[:HAS_REPORT]->(:Report {id: 'a4#0', article_id: 'a4', event_id: 'ev:1000000000000007', type: 'AGREED_WITH', source: 'USA', target: 'IRN', date: date('2014-04-03'), date_precision: 'day', background: false, modality: 'asserted', negated: false, sentence: 'The US and Iran agreed.', confidence: 0.9}),
       (a4)-[:HAS_REPORT]->(:Report {id: 'a4#1', article_id: 'a4', event_id: 'ev:1000000000000008', type: 'DEPLOYED_TO', source: 'IRN', target: 'IRQ', date: date('2014-04-03'), date_precision: 'day', background: false, modality: 'asserted', negated: false, sentence: 'Iran sent troops to Iraq.', confidence: 0.9}),
       (a4)-[:HAS_REPORT]->(:Report {id: 'a4#2', article_id: 'a4', event_id: 'ev:1000000000000009', type: 'ATTACKED', source: 'ISIL', target: 'IRQ', date: date('2014-04-03'), date_precision: 'day', background: false, modality: 'asserted', negated: false, sentence: 'ISIL attacked Iraq.', confidence: 0.9}),
       (a4)-[:HAS_REPORT]->(:Report {id: 'a4#3', article_id: 'a4', event_id: 'ev:100000000000000a', type: 'DEPLOYED_TO', source: 'USA', target: 'IRQ', date: date('2014-04-03'), date_precision: 'day', background: false, modality: 'planned', negated: false, sentence: 'The US will send advisers to Iraq.', confidence: 0.9}),
       (a5)-[:HAS_REPORT]->(:Report {id: 'a5#0', article_id: 'a5', event_id: 'ev:100000000000000b', type: 'ACCUSED', source: 'GBR', target: 'RUS', date: date('2014-04-20'), date_precision: 'day', background: false, modality: 'asserted', negated: false, sentence: 'Britain accused Russia.', confidence: 0.9}),
       (a5)-[:HAS_REPORT]->(:Report {id: 'a5#1', article_id: 'a5', event_id: 'ev:100000000000000c', type: 'SUPPORTED', source: 'USA', target: 'GBR', date: date('2014-04-20'), date_precision: 'day', background: false, modality: 'asserted', negated: false, sentence: 'The US backed Britain.', confidence: 0.9}),
       (a5)-[:HAS_REPORT]->(:Report {id: 'a5#2', article_id: 'a5', event_id: 'ev:100000000000000d', type: 'SANCTIONED', source: 'USA', target: 'RUS', date: date('2014-04-20'), date_precision: 'day', background: false, modality: 'asserted', negated: false, sentence: 'The US sanctioned Russia.', confidence: 0.9}),
       (a5)-[:HAS_REPORT]->(:Report {id: 'a5#3', article_id: 'a5', event_id: 'ev:100000000000000e', type: 'MET_WITH', source: 'USA', target: 'RUS', date: date('2014-04-20'), date_precision: 'day', background: false, modality: 'asserted', negated: true, sentence: 'The US did not meet Russia.', confidence: 0.9}),
       (a5)-[:HAS_REPORT]->(:Report {id: 'a5#4', article_id: 'a5', event_id: 'ev:100000000000000f', type: 'WARNED', source: 'RUS', target: 'GBR', date: date('2014-04-20'), date_precision: 'day', background: false, modality: 'planned', negated: false, sentence: 'Russia will warn Britain.', confidence: 0.9}),
       (a5)-[:HAS_REPORT]->(:Report {id: 'a5#5', article_id: 'a5', event_id: 'ev:1000000000000010', type: 'ATTACKED', source: 'IRN', target: 'USA', date: date('2014-04-20'), date_precision: 'day', background: false, modality: 'hypothetical', negated: false, sentence: 'Iran could attack the US.', confidence: 0.6}),
       (a6)-[:HAS_REPORT]->(:Report {id: 'a6#0', article_id: 'a6', event_id: 'ev:1000000000000011', type: 'WARNED', source: 'USA', target: 'IRN', date: date('2014-06-01'), date_precision: 'month', background: false, modality: 'asserted', negated: false, sentence: 'In June the US warned Iran.', confidence: 0.9}),
       (a6)-[:HAS_REPORT]->(:Report {id: 'a6#1', article_id: 'a6', event_id: 'ev:1000000000000012', type: 'SANCTIONED', source: 'USA', target: 'IRN', date: date('2014-01-01'), date_precision: 'year', background: true, modality: 'asserted', negated: false, sentence: 'Earlier in 2014 the US had sanctioned Iran.', confidence: 0.7}),
       (u1)-[:HAS_REPORT]->(:Report {id: 'u1#0', article_id: 'u1', event_id: 'ev:1000000000000013', type: 'MET_WITH', source: 'GBR', target: 'IRN', date_precision: 'unknown', background: false, modality: 'asserted', negated: false, sentence: 'Britain met Iran.', confidence: 0.9}),
       (u1)-[:HAS_REPORT]->(:Report {id: 'u1#1', article_id: 'u1', event_id: 'ev:1000000000000014', type: 'WARNED', source: 'RUS', target: 'USA', date_precision: 'unknown', background: false, modality: 'asserted', negated: false, sentence: 'Russia warned the US.', confidence: 0.9}),
       (u1)-[:HAS_REPORT]->(:Report {id: 'u1#2', article_id: 'u1', event_id: 'ev:1000000000000015', type: 'DEPLOYED_TO', source: 'GBR', target: 'IRQ', date_precision: 'unknown', background: false, modality: 'asserted', negated: false, sentence: 'Britain sent troops to Iraq.', confidence: 0.9}),
       (u1)-[:HAS_REPORT]->(:Report {id: 'u1#3', article_id: 'u1', event_id: 'ev:1000000000000016', type: 'ACCUSED', source: 'USA', target: 'RUS', date_precision: 'unknown', background: false, modality: 'asserted', negated: false, sentence: 'The US accused Russia.', confidence: 0.9}),

       // Events: symmetric types from the lower to the higher code.
       (irn)-[:MET_WITH {id: 'ev:1000000000000001', date: date('2014-01-10'), last: date('2014-01-11'), date_precision: 'day', modality: 'asserted', negated: false, background: false, reports: 2, articles: 2, confidence: 0.95, article_id: 'a1', sentence: 'Kerry met Zarif in Vienna.', source_person: 'john-kerry@USA', target_person: 'mohammad-javad-zarif@IRN', meeting: 'a1:m1'}]->(usa),
       (gbr)-[:MET_WITH {id: 'ev:1000000000000002', date: date('2014-01-10'), last: date('2014-01-10'), date_precision: 'day', modality: 'asserted', negated: false, background: false, reports: 1, articles: 1, confidence: 0.9, article_id: 'a1', sentence: 'Britain, Iran and the US met in Vienna.', meeting: 'a1:m1'}]->(irn),
       (gbr)-[:MET_WITH {id: 'ev:1000000000000003', date: date('2014-01-10'), last: date('2014-01-10'), date_precision: 'day', modality: 'asserted', negated: false, background: false, reports: 1, articles: 1, confidence: 0.9, article_id: 'a1', sentence: 'Britain, Iran and the US met in Vienna.', meeting: 'a1:m1'}]->(usa),
       (usa)-[:WARNED {id: 'ev:1000000000000004', date: date('2014-01-10'), last: date('2014-01-10'), date_precision: 'day', modality: 'asserted', negated: false, background: false, reports: 1, articles: 1, confidence: 0.8, article_id: 'a1', sentence: 'The US warned Iran.'}]->(irn),
       (usa)-[:SANCTIONED {id: 'ev:1000000000000005', date: date('2014-02-05'), last: date('2014-02-05'), date_precision: 'day', modality: 'asserted', negated: false, background: false, reports: 1, articles: 1, confidence: 0.9, article_id: 'a3', sentence: 'Washington sanctioned Tehran.'}]->(irn),
       (gbr)-[:MET_WITH {id: 'ev:1000000000000006', date: date('2014-02-05'), last: date('2014-02-05'), date_precision: 'day', modality: 'asserted', negated: false, background: false, reports: 1, articles: 1, confidence: 0.9, article_id: 'a3', sentence: 'Britain met Iran.'}]->(irn),
       (irn)-[:AGREED_WITH {id: 'ev:1000000000000007', date: date('2014-04-03'), last: date('2014-04-03'), date_precision: 'day', modality: 'asserted', negated: false, background: false, reports: 1, articles: 1, confidence: 0.9, article_id: 'a4', sentence: 'The US and Iran agreed.'}]->(usa),
       (irn)-[:DEPLOYED_TO {id: 'ev:1000000000000008', date: date('2014-04-03'), last: date('2014-04-03'), date_precision: 'day', modality: 'asserted', negated: false, background: false, reports: 1, articles: 1, confidence: 0.9, article_id: 'a4', sentence: 'Iran sent troops to Iraq.'}]->(irq),
       (isil)-[:ATTACKED {id: 'ev:1000000000000009', date: date('2014-04-03'), last: date('2014-04-03'), date_precision: 'day', modality: 'asserted', negated: false, background: false, reports: 1, articles: 1, confidence: 0.9, article_id: 'a4', sentence: 'ISIL attacked Iraq.'}]->(irq),
       (usa)-[:DEPLOYED_TO {id: 'ev:100000000000000a', date: date('2014-04-03'), last: date('2014-04-03'), date_precision: 'day', modality: 'planned', negated: false, background: false, reports: 1, articles: 1, confidence: 0.9, article_id: 'a4', sentence: 'The US will send advisers to Iraq.'}]->(irq),
       (gbr)-[:ACCUSED {id: 'ev:100000000000000b', date: date('2014-04-20'), last: date('2014-04-20'), date_precision: 'day', modality: 'asserted', negated: false, background: false, reports: 1, articles: 1, confidence: 0.9, article_id: 'a5', sentence: 'Britain accused Russia.'}]->(rus),
       (usa)-[:SUPPORTED {id: 'ev:100000000000000c', date: date('2014-04-20'), last: date('2014-04-20'), date_precision: 'day', modality: 'asserted', negated: false, background: false, reports: 1, articles: 1, confidence: 0.9, article_id: 'a5', sentence: 'The US backed Britain.'}]->(gbr),
       (usa)-[:SANCTIONED {id: 'ev:100000000000000d', date: date('2014-04-20'), last: date('2014-04-20'), date_precision: 'day', modality: 'asserted', negated: false, background: false, reports: 1, articles: 1, confidence: 0.9, article_id: 'a5', sentence: 'The US sanctioned Russia.'}]->(rus),
       (rus)-[:MET_WITH {id: 'ev:100000000000000e', date: date('2014-04-20'), last: date('2014-04-20'), date_precision: 'day', modality: 'asserted', negated: true, background: false, reports: 1, articles: 1, confidence: 0.9, article_id: 'a5', sentence: 'The US did not meet Russia.'}]->(usa),
       (rus)-[:WARNED {id: 'ev:100000000000000f', date: date('2014-04-20'), last: date('2014-04-20'), date_precision: 'day', modality: 'planned', negated: false, background: false, reports: 1, articles: 1, confidence: 0.9, article_id: 'a5', sentence: 'Russia will warn Britain.'}]->(gbr),
       (irn)-[:ATTACKED {id: 'ev:1000000000000010', date: date('2014-04-20'), last: date('2014-04-20'), date_precision: 'day', modality: 'hypothetical', negated: false, background: false, reports: 1, articles: 1, confidence: 0.6, article_id: 'a5', sentence: 'Iran could attack the US.'}]->(usa),
       (usa)-[:WARNED {id: 'ev:1000000000000011', date: date('2014-06-01'), last: date('2014-06-01'), date_precision: 'month', modality: 'asserted', negated: false, background: false, reports: 1, articles: 1, confidence: 0.9, article_id: 'a6', sentence: 'In June the US warned Iran.'}]->(irn),
       (usa)-[:SANCTIONED {id: 'ev:1000000000000012', date: date('2014-01-01'), last: date('2014-01-01'), date_precision: 'year', modality: 'asserted', negated: false, background: true, reports: 1, articles: 1, confidence: 0.7, article_id: 'a6', sentence: 'Earlier in 2014 the US had sanctioned Iran.'}]->(irn),
       (gbr)-[:MET_WITH {id: 'ev:1000000000000013', date_precision: 'unknown', modality: 'asserted', negated: false, background: false, reports: 1, articles: 1, confidence: 0.9, article_id: 'u1', sentence: 'Britain met Iran.'}]->(irn),
       (rus)-[:WARNED {id: 'ev:1000000000000014', date_precision: 'unknown', modality: 'asserted', negated: false, background: false, reports: 1, articles: 1, confidence: 0.9, article_id: 'u1', sentence: 'Russia warned the US.'}]->(usa),
       (gbr)-[:DEPLOYED_TO {id: 'ev:1000000000000015', date_precision: 'unknown', modality: 'asserted', negated: false, background: false, reports: 1, articles: 1, confidence: 0.9, article_id: 'u1', sentence: 'Britain sent troops to Iraq.'}]->(irq),
       (usa)-[:ACCUSED {id: 'ev:1000000000000016', date_precision: 'unknown', modality: 'asserted', negated: false, background: false, reports: 1, articles: 1, confidence: 0.9, article_id: 'u1', sentence: 'The US accused Russia.'}]->(rus),

       // Aggregates of the actual dated events, lower code -> higher code.
       (gbr)-[:ALIGNMENT {dyad: 'GBR-IRN', a: 'GBR', b: 'IRN', period_kind: 'month', period: '2014-01', start: date('2014-01-01'), events: 1, MET_WITH: 1}]->(irn),
       (gbr)-[:ALIGNMENT {dyad: 'GBR-IRN', a: 'GBR', b: 'IRN', period_kind: 'month', period: '2014-02', start: date('2014-02-01'), events: 1, MET_WITH: 1}]->(irn),
       (gbr)-[:ALIGNMENT {dyad: 'GBR-USA', a: 'GBR', b: 'USA', period_kind: 'month', period: '2014-01', start: date('2014-01-01'), events: 1, MET_WITH: 1}]->(usa),
       (gbr)-[:ALIGNMENT {dyad: 'GBR-USA', a: 'GBR', b: 'USA', period_kind: 'month', period: '2014-04', start: date('2014-04-01'), events: 1, SUPPORTED: 1}]->(usa),
       (irn)-[:ALIGNMENT {dyad: 'IRN-USA', a: 'IRN', b: 'USA', period_kind: 'month', period: '2014-01', start: date('2014-01-01'), events: 2, MET_WITH: 1, WARNED: 1}]->(usa),
       (irn)-[:ALIGNMENT {dyad: 'IRN-USA', a: 'IRN', b: 'USA', period_kind: 'month', period: '2014-02', start: date('2014-02-01'), events: 1, SANCTIONED: 1}]->(usa),
       (irn)-[:ALIGNMENT {dyad: 'IRN-USA', a: 'IRN', b: 'USA', period_kind: 'month', period: '2014-04', start: date('2014-04-01'), events: 1, AGREED_WITH: 1}]->(usa),
       (irn)-[:ALIGNMENT {dyad: 'IRN-USA', a: 'IRN', b: 'USA', period_kind: 'month', period: '2014-06', start: date('2014-06-01'), events: 1, WARNED: 1}]->(usa),
       (irn)-[:ALIGNMENT {dyad: 'IRN-USA', a: 'IRN', b: 'USA', period_kind: 'year', period: '2014', start: date('2014-01-01'), events: 1, SANCTIONED: 1}]->(usa),
       (irn)-[:ALIGNMENT {dyad: 'IRN-IRQ', a: 'IRN', b: 'IRQ', period_kind: 'month', period: '2014-04', start: date('2014-04-01'), events: 1, DEPLOYED_TO: 1}]->(irq),
       (irq)-[:ALIGNMENT {dyad: 'IRQ-USA', a: 'IRQ', b: 'USA', period_kind: 'month', period: '2014-04', start: date('2014-04-01'), events: 1, DEPLOYED_TO_planned: 1}]->(usa),
       (irq)-[:ALIGNMENT {dyad: 'IRQ-ISIL', a: 'IRQ', b: 'ISIL', period_kind: 'month', period: '2014-04', start: date('2014-04-01'), events: 1, ATTACKED: 1}]->(isil),
       (gbr)-[:ALIGNMENT {dyad: 'GBR-RUS', a: 'GBR', b: 'RUS', period_kind: 'month', period: '2014-04', start: date('2014-04-01'), events: 2, ACCUSED: 1, WARNED_planned: 1}]->(rus),
       (rus)-[:ALIGNMENT {dyad: 'RUS-USA', a: 'RUS', b: 'USA', period_kind: 'month', period: '2014-04', start: date('2014-04-01'), events: 1, SANCTIONED: 1}]->(usa),

       // Their totals per pair and calendar year (ALIGNMENT_YEAR).
       (gbr)-[:ALIGNMENT_YEAR {dyad: 'GBR-IRN', a: 'GBR', b: 'IRN', period: '2014', start: date('2014-01-01'), events: 2, MET_WITH: 2}]->(irn),
       (gbr)-[:ALIGNMENT_YEAR {dyad: 'GBR-USA', a: 'GBR', b: 'USA', period: '2014', start: date('2014-01-01'), events: 2, MET_WITH: 1, SUPPORTED: 1}]->(usa),
       (irn)-[:ALIGNMENT_YEAR {dyad: 'IRN-USA', a: 'IRN', b: 'USA', period: '2014', start: date('2014-01-01'), events: 6, MET_WITH: 1, WARNED: 2, SANCTIONED: 2, AGREED_WITH: 1}]->(usa),
       (irn)-[:ALIGNMENT_YEAR {dyad: 'IRN-IRQ', a: 'IRN', b: 'IRQ', period: '2014', start: date('2014-01-01'), events: 1, DEPLOYED_TO: 1}]->(irq),
       (irq)-[:ALIGNMENT_YEAR {dyad: 'IRQ-USA', a: 'IRQ', b: 'USA', period: '2014', start: date('2014-01-01'), events: 1, DEPLOYED_TO_planned: 1}]->(usa),
       (irq)-[:ALIGNMENT_YEAR {dyad: 'IRQ-ISIL', a: 'IRQ', b: 'ISIL', period: '2014', start: date('2014-01-01'), events: 1, ATTACKED: 1}]->(isil),
       (gbr)-[:ALIGNMENT_YEAR {dyad: 'GBR-RUS', a: 'GBR', b: 'RUS', period: '2014', start: date('2014-01-01'), events: 2, ACCUSED: 1, WARNED_planned: 1}]->(rus),
       (rus)-[:ALIGNMENT_YEAR {dyad: 'RUS-USA', a: 'RUS', b: 'USA', period: '2014', start: date('2014-01-01'), events: 1, SANCTIONED: 1}]->(usa)
