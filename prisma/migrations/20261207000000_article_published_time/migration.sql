-- The time of day and UTC offset a source states with its publication date ("22:31-06:00"). Kept
-- as written beside the day, which stays the source's own calendar day.
ALTER TABLE "Article" ADD COLUMN "publishedTime" TEXT;
