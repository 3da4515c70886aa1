-- Shards for the sharded_merge scenario: two databases with two user tables each; the ids overlap
-- across shards, and user_db_2.user_table_2 was created before the email column was added.
CREATE DATABASE user_db_1;
CREATE DATABASE user_db_2;
CREATE TABLE user_db_1.user_table_1 (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, email VARCHAR(128), age INT, created_at DATETIME(3) NOT NULL);
CREATE TABLE user_db_1.user_table_2 LIKE user_db_1.user_table_1;
CREATE TABLE user_db_2.user_table_1 LIKE user_db_1.user_table_1;
CREATE TABLE user_db_2.user_table_2 (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, age INT, created_at DATETIME(3) NOT NULL);
INSERT INTO user_db_1.user_table_1 (id, name, email, age, created_at)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
  SELECT i, CONCAT('alice_', i), CONCAT('alice_', i, '@example.com'), 20 + i % 50, TIMESTAMP('2024-01-01 00:00:00') + INTERVAL i MINUTE FROM n;
INSERT INTO user_db_1.user_table_2 (id, name, email, age, created_at)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
  SELECT i, CONCAT('bob_', i), CASE WHEN i % 7 = 0 THEN NULL ELSE CONCAT('bob_', i, '@example.com') END, NULL, TIMESTAMP('2024-02-01 12:00:00.125') + INTERVAL i SECOND FROM n;
INSERT INTO user_db_2.user_table_1 (id, name, email, age, created_at)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
  SELECT i, CONCAT('carol_', i), CONCAT('carol_', i, '@example.org'), 30 + i % 40, TIMESTAMP('2024-03-01 08:30:00') + INTERVAL i HOUR FROM n;
INSERT INTO user_db_2.user_table_2 (id, name, age, created_at)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
  SELECT i, CONCAT('dave_', i), 40 + i % 30, TIMESTAMP('2024-04-01 23:59:59.999') - INTERVAL i DAY FROM n;
