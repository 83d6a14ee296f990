ALTER TABLE `quotes` ADD `attribution` text;--> statement-breakpoint
ALTER TABLE `quotes` ADD `origin` text DEFAULT 'EXTRACTED' NOT NULL;