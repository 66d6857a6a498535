DROP INDEX `accounts_team_status_review`;--> statement-breakpoint
CREATE INDEX `accounts_team_status_review` ON `accounts` (`team_id`,`status`,`review_latest`,`id`) WHERE deleted_at IS NULL;