ALTER TABLE `articles` ADD `published_key` integer GENERATED ALWAYS AS (coalesce(published_at, -62167219200000)) VIRTUAL;--> statement-breakpoint
CREATE INDEX `articles_published_key_idx` ON `articles` (`published_key`,`id`);--> statement-breakpoint
ALTER TABLE `quotes` ADD `published_key` integer DEFAULT -62167219200000 NOT NULL;--> statement-breakpoint
-- A quote's published_key is its article's, kept by these triggers whoever writes (ingest, curators, the corpus tool).
UPDATE `quotes` SET `published_key` = (SELECT `published_key` FROM `articles` WHERE `articles`.`id` = `quotes`.`article_id`);--> statement-breakpoint
CREATE TRIGGER `quotes_published_key_on_insert` AFTER INSERT ON `quotes` BEGIN
  UPDATE `quotes` SET `published_key` = (SELECT `published_key` FROM `articles` WHERE `articles`.`id` = NEW.`article_id`) WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `quotes_published_key_on_move` AFTER UPDATE OF `article_id`, `published_key` ON `quotes` BEGIN
  UPDATE `quotes` SET `published_key` = (SELECT `published_key` FROM `articles` WHERE `articles`.`id` = NEW.`article_id`) WHERE `id` = NEW.`id` AND `published_key` IS NOT (SELECT `published_key` FROM `articles` WHERE `articles`.`id` = NEW.`article_id`);
END;--> statement-breakpoint
CREATE TRIGGER `articles_published_key_on_update` AFTER UPDATE OF `published_at` ON `articles` BEGIN
  UPDATE `quotes` SET `published_key` = NEW.`published_key` WHERE `article_id` = NEW.`id`;
END;--> statement-breakpoint
CREATE INDEX `quotes_published_key_idx` ON `quotes` (`published_key`,`id`);--> statement-breakpoint
CREATE INDEX `quotes_speaker_expert_published_idx` ON `quotes` (`speaker_expert_id`,`published_key`,`id`);--> statement-breakpoint
CREATE INDEX `quotes_speaker_org_published_idx` ON `quotes` (`speaker_organisation_id`,`published_key`,`id`);
