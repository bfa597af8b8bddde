// Tests only: drops the constraint $name (and the index that backs it).
DROP CONSTRAINT $name IF EXISTS
