-- Roundtable Planner plan store, version 12: a delegation's own workflow.
--
-- Who the focal point is (a person of the plan: kept as a person, so an
-- erased or deleted person leaves the delegation without one), when and how
-- the invitation went out (a note verbale, a letter or an e-mail), by when
-- the nomination is due, and when the nomination and the credentials came.
-- Dates are YYYY-MM-DD; every column may stay empty.
ALTER TABLE delegation ADD COLUMN focal_point_id BLOB REFERENCES person (id) ON DELETE SET NULL;
ALTER TABLE delegation ADD COLUMN invitation_sent_on TEXT;
ALTER TABLE delegation ADD COLUMN invitation_channel TEXT;
ALTER TABLE delegation ADD COLUMN nomination_deadline TEXT;
ALTER TABLE delegation ADD COLUMN nomination_received_on TEXT;
ALTER TABLE delegation ADD COLUMN credentials_received_on TEXT;
