-- What the extractor matches against (experts, organisations and their aliases, topics and their
-- terms) is read and analysed once, then kept until one of those tables changes: each change bumps
-- this counter, in the same transaction (src/extract/catalogue.ts).
CREATE TABLE `catalogue_version` (`id` integer PRIMARY KEY CHECK (`id` = 1), `version` integer NOT NULL);
--> statement-breakpoint
INSERT INTO `catalogue_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `experts_catalogue_ai` AFTER INSERT ON `experts` BEGIN
  UPDATE `catalogue_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `experts_catalogue_au` AFTER UPDATE ON `experts` BEGIN
  UPDATE `catalogue_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `experts_catalogue_ad` AFTER DELETE ON `experts` BEGIN
  UPDATE `catalogue_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_catalogue_ai` AFTER INSERT ON `organisations` BEGIN
  UPDATE `catalogue_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_catalogue_au` AFTER UPDATE ON `organisations` BEGIN
  UPDATE `catalogue_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_catalogue_ad` AFTER DELETE ON `organisations` BEGIN
  UPDATE `catalogue_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `organisation_aliases_catalogue_ai` AFTER INSERT ON `organisation_aliases` BEGIN
  UPDATE `catalogue_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `organisation_aliases_catalogue_au` AFTER UPDATE ON `organisation_aliases` BEGIN
  UPDATE `catalogue_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `organisation_aliases_catalogue_ad` AFTER DELETE ON `organisation_aliases` BEGIN
  UPDATE `catalogue_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `topics_catalogue_ai` AFTER INSERT ON `topics` BEGIN
  UPDATE `catalogue_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `topics_catalogue_au` AFTER UPDATE ON `topics` BEGIN
  UPDATE `catalogue_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `topics_catalogue_ad` AFTER DELETE ON `topics` BEGIN
  UPDATE `catalogue_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `topic_terms_catalogue_ai` AFTER INSERT ON `topic_terms` BEGIN
  UPDATE `catalogue_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `topic_terms_catalogue_au` AFTER UPDATE ON `topic_terms` BEGIN
  UPDATE `catalogue_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `topic_terms_catalogue_ad` AFTER DELETE ON `topic_terms` BEGIN
  UPDATE `catalogue_version` SET `version` = `version` + 1;
END;
