// Tests only: drops the index $name.
DROP INDEX $name IF EXISTS
