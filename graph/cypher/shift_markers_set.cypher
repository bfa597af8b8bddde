// Records the parameters the SHIFT markers are computed with ($markers:
// period, min_events, threshold, planned_factor, and types and weights as
// parallel lists): alliance-shifts reads the markers instead of the
// aggregates when its parameters are these.
MERGE (m:ShiftMarkers {name: 'default'})
SET m += $markers
