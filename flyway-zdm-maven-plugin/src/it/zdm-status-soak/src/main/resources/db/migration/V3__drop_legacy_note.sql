-- zdm:contract expand=2
-- contract: once no running application version reads legacy_note any more
ALTER TABLE orders DROP COLUMN legacy_note;
