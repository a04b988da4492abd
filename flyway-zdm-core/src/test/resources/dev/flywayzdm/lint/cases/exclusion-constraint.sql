-- case: an exclusion constraint on an existing table
ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&); -- expect: exclusion-constraint

-- case: unnamed exclusion constraint
ALTER TABLE bookings ADD EXCLUDE USING gist (during WITH &&); -- expect: exclusion-constraint

-- case: declared with the table
CREATE TABLE rooms_booked (room int, during tstzrange, EXCLUDE USING gist (room WITH =, during WITH &&));

-- case: added to a table created in this run
CREATE TABLE reservations (room int, during tstzrange);
ALTER TABLE reservations ADD CONSTRAINT reservations_no_overlap EXCLUDE USING gist (during WITH &&);
