CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`provider` text NOT NULL,
	`external_id` text NOT NULL,
	`label` text,
	`entity_type` text NOT NULL,
	`status` text NOT NULL,
	`owner_member_id` text,
	`submitted_at` text,
	`review_earliest` text,
	`review_latest` text,
	`review_estimate` integer,
	`verified_at` text,
	`rejected_reason` text,
	`locked_until` text,
	`checklist` text DEFAULT '{}' NOT NULL,
	`notes` text,
	`version` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`change_seq` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_team_provider_external` ON `accounts` (`team_id`,`provider`,`external_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `accounts_team_updated` ON `accounts` (`team_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `accounts_team_status_updated` ON `accounts` (`team_id`,`status`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `accounts_team_provider_updated` ON `accounts` (`team_id`,`provider`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `accounts_team_change` ON `accounts` (`team_id`,`change_seq`);--> statement-breakpoint
CREATE TABLE `auth_failures` (
	`client_key` text NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`client_key`, `window_start`)
);
--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`account_id` text NOT NULL,
	`actor_member_id` text NOT NULL,
	`type` text NOT NULL,
	`at` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `events_account` ON `events` (`account_id`,`id`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`team_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer,
	`body` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`team_id`, `key`)
);
--> statement-breakpoint
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_team_email` ON `members` (`team_id`,`email`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`member_id` text NOT NULL,
	`hash` text NOT NULL,
	`name` text,
	`created_at` text NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tokens_hash` ON `tokens` (`hash`);--> statement-breakpoint
CREATE INDEX `tokens_member` ON `tokens` (`member_id`);