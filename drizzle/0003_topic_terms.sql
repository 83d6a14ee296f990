CREATE TABLE `topic_terms` (
	`topic_id` integer NOT NULL,
	`term` text NOT NULL,
	PRIMARY KEY(`topic_id`, `term`),
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE cascade
);
