CREATE TABLE `article_experts` (
	`article_id` integer NOT NULL,
	`expert_id` integer NOT NULL,
	PRIMARY KEY(`article_id`, `expert_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`expert_id`) REFERENCES `experts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_experts_expert_idx` ON `article_experts` (`expert_id`,`article_id`);--> statement-breakpoint
CREATE TABLE `article_organisations` (
	`article_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	PRIMARY KEY(`article_id`, `organisation_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_organisations_org_idx` ON `article_organisations` (`organisation_id`,`article_id`);--> statement-breakpoint
CREATE TABLE `article_topics` (
	`article_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	PRIMARY KEY(`article_id`, `topic_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_topics_topic_idx` ON `article_topics` (`topic_id`,`article_id`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`lede` text,
	`body` text NOT NULL,
	`language` text DEFAULT 'ar' NOT NULL,
	`url` text,
	`published_at` integer,
	`source_id` integer,
	FOREIGN KEY (`source_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_slug_uq` ON `articles` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `articles_url_uq` ON `articles` (`url`);--> statement-breakpoint
CREATE INDEX `articles_source_idx` ON `articles` (`source_id`);--> statement-breakpoint
CREATE INDEX `articles_published_idx` ON `articles` (`published_at`);--> statement-breakpoint
CREATE TABLE `expert_affiliations` (
	`expert_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	PRIMARY KEY(`expert_id`, `organisation_id`),
	FOREIGN KEY (`expert_id`) REFERENCES `experts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `expert_affiliations_org_idx` ON `expert_affiliations` (`organisation_id`,`expert_id`);--> statement-breakpoint
CREATE TABLE `experts` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_latin` text,
	`title` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `experts_slug_uq` ON `experts` (`slug`);--> statement-breakpoint
CREATE TABLE `organisation_aliases` (
	`organisation_id` integer NOT NULL,
	`alias` text NOT NULL,
	PRIMARY KEY(`organisation_id`, `alias`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `organisation_aliases_alias_idx` ON `organisation_aliases` (`alias`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text,
	`acronym` text,
	`kind` text DEFAULT 'OTHER' NOT NULL,
	`country` text,
	CONSTRAINT "organisations_country_ck" CHECK("organisations"."country" IS NULL OR (length("organisations"."country") = 2 AND "organisations"."country" = upper("organisations"."country")))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_slug_uq` ON `organisations` (`slug`);--> statement-breakpoint
CREATE INDEX `organisations_kind_idx` ON `organisations` (`kind`);--> statement-breakpoint
CREATE TABLE `quote_organisations` (
	`quote_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	PRIMARY KEY(`quote_id`, `organisation_id`),
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quote_organisations_org_idx` ON `quote_organisations` (`organisation_id`,`quote_id`);--> statement-breakpoint
CREATE TABLE `quote_topics` (
	`quote_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	PRIMARY KEY(`quote_id`, `topic_id`),
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quote_topics_topic_idx` ON `quote_topics` (`topic_id`,`quote_id`);--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` integer PRIMARY KEY NOT NULL,
	`article_id` integer NOT NULL,
	`text` text NOT NULL,
	`kind` text NOT NULL,
	`verb` text,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`position` integer NOT NULL,
	`speaker_expert_id` integer,
	`speaker_organisation_id` integer,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`speaker_expert_id`) REFERENCES `experts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`speaker_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "quotes_offsets_ck" CHECK("quotes"."start" >= 0 AND "quotes"."end" > "quotes"."start"),
	CONSTRAINT "quotes_one_speaker_ck" CHECK("quotes"."speaker_expert_id" IS NULL OR "quotes"."speaker_organisation_id" IS NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_article_position_uq` ON `quotes` (`article_id`,`position`);--> statement-breakpoint
CREATE INDEX `quotes_speaker_expert_idx` ON `quotes` (`speaker_expert_id`);--> statement-breakpoint
CREATE INDEX `quotes_speaker_org_idx` ON `quotes` (`speaker_organisation_id`);--> statement-breakpoint
CREATE TABLE `topics` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`label_ar` text NOT NULL,
	`label_en` text NOT NULL,
	`parent_id` integer,
	FOREIGN KEY (`parent_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `topics_slug_uq` ON `topics` (`slug`);--> statement-breakpoint
CREATE INDEX `topics_parent_idx` ON `topics` (`parent_id`);