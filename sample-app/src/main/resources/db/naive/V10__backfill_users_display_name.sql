-- naive: one UPDATE of every user in one transaction.
UPDATE users SET display_name = name WHERE display_name IS NULL;
