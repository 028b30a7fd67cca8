-- The database and user for GroupDeal on an external MySQL 8 or MariaDB 10.6+ server.
-- Run as an administrator: mysql -u root -p < create-database.sql
-- Then start with DEAL_DB_URL=jdbc:mysql://<host>:3306/deal DEAL_DB_USER=deal DEAL_DB_PASSWORD=<the password>.
-- The schema itself is created and upgraded by the application (Flyway) at startup.

CREATE DATABASE IF NOT EXISTS deal CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- Replace the password. Restrict the host ('%') to your application servers' network.
CREATE USER IF NOT EXISTS 'deal'@'%' IDENTIFIED BY 'change-me';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES, LOCK TABLES ON deal.* TO 'deal'@'%';
FLUSH PRIVILEGES;
