DROP INDEX `experts_name_search_idx`;--> statement-breakpoint
ALTER TABLE `experts` ADD `name_search` text;--> statement-breakpoint
CREATE INDEX `experts_name_search_idx` ON `experts` (`name_search`);--> statement-breakpoint
UPDATE `experts` SET `name_search` = qg_search(`name`);
--> statement-breakpoint
-- Every writer of experts (ingest, curators, seeds, the corpus generator) goes through these.
CREATE TRIGGER `experts_name_search_ai` AFTER INSERT ON `experts` BEGIN
  UPDATE `experts` SET `name_search` = qg_search(new.`name`) WHERE `id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `experts_name_search_au` AFTER UPDATE OF `name` ON `experts` BEGIN
  UPDATE `experts` SET `name_search` = qg_search(new.`name`) WHERE `id` = new.`id`;
END;
