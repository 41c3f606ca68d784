-- Verdicts re-baseline after an adopted earlier cycle (issue 9): a cycle's decision is now an input of the
-- district's derived figures, so changing it moves the district's data version like the other columns.
CREATE OR REPLACE FUNCTION "pdsa_cycle_figures_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "pdsa_bump_district_data_version"(ARRAY(
    SELECT unnest(ARRAY[n."districtId", o."districtId"])
    FROM changed_new n JOIN changed_old o ON o."id" = n."id"
    WHERE (n."districtId", n."schoolId", n."teamId", n."goalId", n."changeIdeaId", n."title", n."stage",
           n."plannedStart", n."plannedEnd", n."actualStart", n."actualEnd", n."lagDays", n."decision")
      IS DISTINCT FROM
          (o."districtId", o."schoolId", o."teamId", o."goalId", o."changeIdeaId", o."title", o."stage",
           o."plannedStart", o."plannedEnd", o."actualStart", o."actualEnd", o."lagDays", o."decision")));
  RETURN NULL;
END;
$$;
