-- The interface language a person chose last (fa, ar, en), so it follows them to any browser.
ALTER TABLE account ADD COLUMN ui_language VARCHAR(8);
