-- CreateTable
CREATE TABLE "DistrictDataVersion" (
    "districtId" UUID NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DistrictDataVersion_pkey" PRIMARY KEY ("districtId")
);

-- AddForeignKey
ALTER TABLE "DistrictDataVersion" ADD CONSTRAINT "DistrictDataVersion_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every district starts at version 0.
INSERT INTO "DistrictDataVersion" ("districtId") SELECT "id" FROM "District";

-- Moves the version of the given districts (those that still exist: a district's own deletion cascades
-- through every table below).
CREATE FUNCTION "pdsa_bump_district_data_version"(district_ids UUID[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "DistrictDataVersion" ("districtId", "version")
  SELECT d.id, 1 FROM "District" d WHERE d.id = ANY(district_ids)
  ON CONFLICT ("districtId") DO UPDATE SET "version" = "DistrictDataVersion"."version" + 1;
$$;

-- One statement-level trigger function per way a table names its district. The changed rows arrive as
-- the transition tables changed_new / changed_old (PostgreSQL allows them only on single-event
-- triggers, so each table gets one trigger per event).
CREATE FUNCTION "pdsa_data_changed_by_district_id"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "pdsa_bump_district_data_version"(ARRAY(SELECT DISTINCT "districtId" FROM changed_new));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "pdsa_bump_district_data_version"(ARRAY(SELECT DISTINCT "districtId" FROM changed_old));
  ELSE
    PERFORM "pdsa_bump_district_data_version"(ARRAY(
      SELECT "districtId" FROM changed_new UNION SELECT "districtId" FROM changed_old));
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "pdsa_data_changed_district"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "pdsa_bump_district_data_version"(ARRAY(SELECT "id" FROM changed_new));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "pdsa_bump_district_data_version"(ARRAY(SELECT "id" FROM changed_new));
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "pdsa_data_changed_by_cycle_id"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "pdsa_bump_district_data_version"(ARRAY(
      SELECT DISTINCT c."districtId" FROM changed_new r JOIN "PdsaCycle" c ON c."id" = r."cycleId"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "pdsa_bump_district_data_version"(ARRAY(
      SELECT DISTINCT c."districtId" FROM changed_old r JOIN "PdsaCycle" c ON c."id" = r."cycleId"));
  ELSE
    PERFORM "pdsa_bump_district_data_version"(ARRAY(
      SELECT c."districtId" FROM changed_new r JOIN "PdsaCycle" c ON c."id" = r."cycleId"
      UNION
      SELECT c."districtId" FROM changed_old r JOIN "PdsaCycle" c ON c."id" = r."cycleId"));
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "pdsa_data_changed_by_equity_goal_id"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "pdsa_bump_district_data_version"(ARRAY(
      SELECT DISTINCT g."districtId" FROM changed_new r JOIN "EquityGoal" g ON g."id" = r."equityGoalId"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "pdsa_bump_district_data_version"(ARRAY(
      SELECT DISTINCT g."districtId" FROM changed_old r JOIN "EquityGoal" g ON g."id" = r."equityGoalId"));
  ELSE
    PERFORM "pdsa_bump_district_data_version"(ARRAY(
      SELECT g."districtId" FROM changed_new r JOIN "EquityGoal" g ON g."id" = r."equityGoalId"
      UNION
      SELECT g."districtId" FROM changed_old r JOIN "EquityGoal" g ON g."id" = r."equityGoalId"));
  END IF;
  RETURN NULL;
END;
$$;

-- Cycles are updated all the time for things the figures do not read (the worksheet's text mirror, the
-- last edit time): an update moves the version only when a column the figures read changed.
CREATE FUNCTION "pdsa_cycle_figures_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "pdsa_bump_district_data_version"(ARRAY(
    SELECT unnest(ARRAY[n."districtId", o."districtId"])
    FROM changed_new n JOIN changed_old o ON o."id" = n."id"
    WHERE (n."districtId", n."schoolId", n."teamId", n."goalId", n."changeIdeaId", n."title", n."stage",
           n."plannedStart", n."plannedEnd", n."actualStart", n."actualEnd", n."lagDays")
      IS DISTINCT FROM
          (o."districtId", o."schoolId", o."teamId", o."goalId", o."changeIdeaId", o."title", o."stage",
           o."plannedStart", o."plannedEnd", o."actualStart", o."actualEnd", o."lagDays")));
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  t RECORD;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('Observation', 'pdsa_data_changed_by_district_id'),
    ('PdsaCycle', 'pdsa_data_changed_by_district_id'),
    ('EquityGoal', 'pdsa_data_changed_by_district_id'),
    ('DistrictGoal', 'pdsa_data_changed_by_district_id'),
    ('Measure', 'pdsa_data_changed_by_district_id'),
    ('StudentGroup', 'pdsa_data_changed_by_district_id'),
    ('School', 'pdsa_data_changed_by_district_id'),
    ('Team', 'pdsa_data_changed_by_district_id'),
    ('CycleMeasure', 'pdsa_data_changed_by_cycle_id'),
    ('EquityGoalAlignment', 'pdsa_data_changed_by_equity_goal_id')
  ) AS v(tbl, fn) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_new '
      'FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.tbl || '_data_version_insert', t.tbl, t.fn);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_new '
      'OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.tbl || '_data_version_update', t.tbl, t.fn);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_old '
      'FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.tbl || '_data_version_delete', t.tbl, t.fn);
  END LOOP;
END;
$$;

DROP TRIGGER "PdsaCycle_data_version_update" ON "PdsaCycle";
CREATE TRIGGER "PdsaCycle_data_version_update" AFTER UPDATE ON "PdsaCycle" REFERENCING NEW TABLE AS changed_new
  OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION "pdsa_cycle_figures_changed"();

CREATE TRIGGER "District_data_version_insert" AFTER INSERT ON "District" REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION "pdsa_data_changed_district"();
CREATE TRIGGER "District_data_version_update" AFTER UPDATE ON "District" REFERENCING NEW TABLE AS changed_new
  OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION "pdsa_data_changed_district"();
