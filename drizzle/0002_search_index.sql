-- Full-text index over the Arabic search form of quotes, articles, experts and organisations.
-- qg_search() and qg_stem() are registered by the app on every connection (src/db/client.ts):
-- they normalise Arabic (harakat, tatweel, hamza forms…) which FTS5's unicode61 tokenizer cannot.
-- rowid = entity id * 4 + kind (0 quote, 1 article, 2 expert, 3 organisation), so a write can find
-- its row without a scan. Triggers keep the index in the same transaction as every write.
CREATE VIRTUAL TABLE `search_index` USING fts5(`exact`, `stem`, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
--> statement-breakpoint
CREATE TRIGGER `quotes_search_ai` AFTER INSERT ON `quotes` BEGIN
  INSERT INTO `search_index` (rowid, `exact`, `stem`) VALUES (new.`id` * 4, qg_search(new.`text`), qg_stem(new.`text`));
END;
--> statement-breakpoint
CREATE TRIGGER `quotes_search_au` AFTER UPDATE OF `text` ON `quotes` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.`id` * 4;
  INSERT INTO `search_index` (rowid, `exact`, `stem`) VALUES (new.`id` * 4, qg_search(new.`text`), qg_stem(new.`text`));
END;
--> statement-breakpoint
CREATE TRIGGER `quotes_search_ad` AFTER DELETE ON `quotes` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.`id` * 4;
END;
--> statement-breakpoint
CREATE TRIGGER `articles_search_ai` AFTER INSERT ON `articles` BEGIN
  INSERT INTO `search_index` (rowid, `exact`, `stem`)
  VALUES (new.`id` * 4 + 1, qg_search(new.`title` || char(10) || new.`body`), qg_stem(new.`title` || char(10) || new.`body`));
END;
--> statement-breakpoint
CREATE TRIGGER `articles_search_au` AFTER UPDATE OF `title`, `body` ON `articles` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.`id` * 4 + 1;
  INSERT INTO `search_index` (rowid, `exact`, `stem`)
  VALUES (new.`id` * 4 + 1, qg_search(new.`title` || char(10) || new.`body`), qg_stem(new.`title` || char(10) || new.`body`));
END;
--> statement-breakpoint
CREATE TRIGGER `articles_search_ad` AFTER DELETE ON `articles` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.`id` * 4 + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `experts_search_ai` AFTER INSERT ON `experts` BEGIN
  INSERT INTO `search_index` (rowid, `exact`, `stem`) VALUES (
    new.`id` * 4 + 2,
    qg_search(new.`name` || ' ' || coalesce(new.`name_latin`, '') || ' ' || coalesce(new.`title`, '')),
    qg_stem(new.`name` || ' ' || coalesce(new.`name_latin`, '') || ' ' || coalesce(new.`title`, '')));
END;
--> statement-breakpoint
CREATE TRIGGER `experts_search_au` AFTER UPDATE OF `name`, `name_latin`, `title` ON `experts` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.`id` * 4 + 2;
  INSERT INTO `search_index` (rowid, `exact`, `stem`) VALUES (
    new.`id` * 4 + 2,
    qg_search(new.`name` || ' ' || coalesce(new.`name_latin`, '') || ' ' || coalesce(new.`title`, '')),
    qg_stem(new.`name` || ' ' || coalesce(new.`name_latin`, '') || ' ' || coalesce(new.`title`, '')));
END;
--> statement-breakpoint
CREATE TRIGGER `experts_search_ad` AFTER DELETE ON `experts` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.`id` * 4 + 2;
END;
--> statement-breakpoint
CREATE VIEW `organisation_search_docs` AS
  SELECT o.`id` AS `id`,
    o.`name` || ' ' || coalesce(o.`name_en`, '') || ' ' || coalesce(o.`acronym`, '') || ' ' ||
    coalesce((SELECT group_concat(a.`alias`, ' ') FROM `organisation_aliases` a WHERE a.`organisation_id` = o.`id`), '') AS `doc`
  FROM `organisations` o;
--> statement-breakpoint
CREATE TRIGGER `organisations_search_ai` AFTER INSERT ON `organisations` BEGIN
  INSERT INTO `search_index` (rowid, `exact`, `stem`)
  SELECT `id` * 4 + 3, qg_search(`doc`), qg_stem(`doc`) FROM `organisation_search_docs` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_search_au` AFTER UPDATE OF `name`, `name_en`, `acronym` ON `organisations` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.`id` * 4 + 3;
  INSERT INTO `search_index` (rowid, `exact`, `stem`)
  SELECT `id` * 4 + 3, qg_search(`doc`), qg_stem(`doc`) FROM `organisation_search_docs` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_search_ad` AFTER DELETE ON `organisations` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.`id` * 4 + 3;
END;
--> statement-breakpoint
CREATE TRIGGER `organisation_aliases_search_ai` AFTER INSERT ON `organisation_aliases` BEGIN
  DELETE FROM `search_index` WHERE rowid = new.`organisation_id` * 4 + 3;
  INSERT INTO `search_index` (rowid, `exact`, `stem`)
  SELECT `id` * 4 + 3, qg_search(`doc`), qg_stem(`doc`) FROM `organisation_search_docs` WHERE `id` = new.`organisation_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `organisation_aliases_search_ad` AFTER DELETE ON `organisation_aliases` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.`organisation_id` * 4 + 3;
  INSERT INTO `search_index` (rowid, `exact`, `stem`)
  SELECT `id` * 4 + 3, qg_search(`doc`), qg_stem(`doc`) FROM `organisation_search_docs` WHERE `id` = old.`organisation_id`;
END;
