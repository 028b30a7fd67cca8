-- The language a person chose (NULL: never chose; the browser's Accept-Language decides for pages, the tenant's
-- language for mails), and each tenant's language for mails to buyers who never chose one.
ALTER TABLE account ADD COLUMN language VARCHAR(8) NULL;
ALTER TABLE tenant ADD COLUMN language VARCHAR(8) NOT NULL DEFAULT 'EN';
