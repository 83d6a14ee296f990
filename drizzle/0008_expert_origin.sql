ALTER TABLE `experts` ADD `origin` text DEFAULT 'EXTRACTED' NOT NULL;--> statement-breakpoint
-- People that ingest never writes (a Latin name, an affiliation) came from a curator or the seeds: kept.
UPDATE `experts` SET `origin` = 'CURATED' WHERE `name_latin` IS NOT NULL OR EXISTS (SELECT 1 FROM `expert_affiliations` WHERE `expert_id` = `experts`.`id`);
