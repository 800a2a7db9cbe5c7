-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "inputsRevision" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "inputsRevision" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "inputsRevision" INTEGER NOT NULL DEFAULT 0;

-- Revision counters kept by triggers (lib/db/input-revisions.ts, which generates what follows): every change of a
-- row a decision's reads are computed from bumps Decision, Team or Workspace .inputsRevision in the same transaction,
-- whatever wrote it. lib/db/input-revisions.test.ts checks every trigger on a migrated database.
-- Criterion → Decision.inputsRevision
CREATE FUNCTION "stackwise_inputs_Criterion"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT r."decisionId" FROM new_rows r); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT r."decisionId" FROM old_rows r); END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Criterion_inputs_ins" AFTER INSERT ON "Criterion" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_Criterion"();
CREATE TRIGGER "Criterion_inputs_upd" AFTER UPDATE ON "Criterion" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_Criterion"();
CREATE TRIGGER "Criterion_inputs_del" AFTER DELETE ON "Criterion" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_Criterion"();

-- Candidate → Decision.inputsRevision
CREATE FUNCTION "stackwise_inputs_Candidate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT r."decisionId" FROM new_rows r); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT r."decisionId" FROM old_rows r); END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Candidate_inputs_ins" AFTER INSERT ON "Candidate" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_Candidate"();
CREATE TRIGGER "Candidate_inputs_upd" AFTER UPDATE ON "Candidate" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_Candidate"();
CREATE TRIGGER "Candidate_inputs_del" AFTER DELETE ON "Candidate" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_Candidate"();

-- PairwiseJudgment → Decision.inputsRevision
CREATE FUNCTION "stackwise_inputs_PairwiseJudgment"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT r."decisionId" FROM new_rows r); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT r."decisionId" FROM old_rows r); END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "PairwiseJudgment_inputs_ins" AFTER INSERT ON "PairwiseJudgment" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_PairwiseJudgment"();
CREATE TRIGGER "PairwiseJudgment_inputs_upd" AFTER UPDATE ON "PairwiseJudgment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_PairwiseJudgment"();
CREATE TRIGGER "PairwiseJudgment_inputs_del" AFTER DELETE ON "PairwiseJudgment" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_PairwiseJudgment"();

-- Scenario → Decision.inputsRevision
CREATE FUNCTION "stackwise_inputs_Scenario"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT r."decisionId" FROM new_rows r); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT r."decisionId" FROM old_rows r); END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Scenario_inputs_ins" AFTER INSERT ON "Scenario" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_Scenario"();
CREATE TRIGGER "Scenario_inputs_upd" AFTER UPDATE ON "Scenario" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_Scenario"();
CREATE TRIGGER "Scenario_inputs_del" AFTER DELETE ON "Scenario" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_Scenario"();

-- Score → Decision.inputsRevision
CREATE FUNCTION "stackwise_inputs_Score"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT p."decisionId" FROM "Criterion" p JOIN new_rows r ON p."id" = r."criterionId"); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT p."decisionId" FROM "Criterion" p JOIN old_rows r ON p."id" = r."criterionId"); END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Score_inputs_ins" AFTER INSERT ON "Score" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_Score"();
CREATE TRIGGER "Score_inputs_upd" AFTER UPDATE ON "Score" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_Score"();
CREATE TRIGGER "Score_inputs_del" AFTER DELETE ON "Score" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_Score"();

-- Fact → Decision.inputsRevision
CREATE FUNCTION "stackwise_inputs_Fact"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT p."decisionId" FROM "Criterion" p JOIN new_rows r ON p."id" = r."criterionId"); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT p."decisionId" FROM "Criterion" p JOIN old_rows r ON p."id" = r."criterionId"); END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Fact_inputs_ins" AFTER INSERT ON "Fact" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_Fact"();
CREATE TRIGGER "Fact_inputs_upd" AFTER UPDATE ON "Fact" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_Fact"();
CREATE TRIGGER "Fact_inputs_del" AFTER DELETE ON "Fact" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_Fact"();

-- SkillRequirement → Decision.inputsRevision
CREATE FUNCTION "stackwise_inputs_SkillRequirement"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT p."decisionId" FROM "Candidate" p JOIN new_rows r ON p."id" = r."candidateId"); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE "Decision" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT p."decisionId" FROM "Candidate" p JOIN old_rows r ON p."id" = r."candidateId"); END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "SkillRequirement_inputs_ins" AFTER INSERT ON "SkillRequirement" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_SkillRequirement"();
CREATE TRIGGER "SkillRequirement_inputs_upd" AFTER UPDATE ON "SkillRequirement" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_SkillRequirement"();
CREATE TRIGGER "SkillRequirement_inputs_del" AFTER DELETE ON "SkillRequirement" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_SkillRequirement"();

-- TeamMember → Team.inputsRevision
CREATE FUNCTION "stackwise_inputs_TeamMember"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN UPDATE "Team" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT r."teamId" FROM new_rows r); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE "Team" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT r."teamId" FROM old_rows r); END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "TeamMember_inputs_ins" AFTER INSERT ON "TeamMember" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_TeamMember"();
CREATE TRIGGER "TeamMember_inputs_upd" AFTER UPDATE ON "TeamMember" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_TeamMember"();
CREATE TRIGGER "TeamMember_inputs_del" AFTER DELETE ON "TeamMember" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_TeamMember"();

-- TeamSkillOverride → Team.inputsRevision
CREATE FUNCTION "stackwise_inputs_TeamSkillOverride"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN UPDATE "Team" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT r."teamId" FROM new_rows r); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE "Team" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT r."teamId" FROM old_rows r); END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "TeamSkillOverride_inputs_ins" AFTER INSERT ON "TeamSkillOverride" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_TeamSkillOverride"();
CREATE TRIGGER "TeamSkillOverride_inputs_upd" AFTER UPDATE ON "TeamSkillOverride" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_TeamSkillOverride"();
CREATE TRIGGER "TeamSkillOverride_inputs_del" AFTER DELETE ON "TeamSkillOverride" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_TeamSkillOverride"();

-- SkillRating → Team.inputsRevision
CREATE FUNCTION "stackwise_inputs_SkillRating"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN UPDATE "Team" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT p."teamId" FROM "TeamMember" p JOIN new_rows r ON p."id" = r."memberId"); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE "Team" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT p."teamId" FROM "TeamMember" p JOIN old_rows r ON p."id" = r."memberId"); END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "SkillRating_inputs_ins" AFTER INSERT ON "SkillRating" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_SkillRating"();
CREATE TRIGGER "SkillRating_inputs_upd" AFTER UPDATE ON "SkillRating" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_SkillRating"();
CREATE TRIGGER "SkillRating_inputs_del" AFTER DELETE ON "SkillRating" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_SkillRating"();

-- Skill → Workspace.inputsRevision
CREATE FUNCTION "stackwise_inputs_Skill"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN UPDATE "Workspace" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT r."workspaceId" FROM new_rows r); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE "Workspace" SET "inputsRevision" = "inputsRevision" + 1 WHERE "id" IN (SELECT r."workspaceId" FROM old_rows r); END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Skill_inputs_ins" AFTER INSERT ON "Skill" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_Skill"();
CREATE TRIGGER "Skill_inputs_upd" AFTER UPDATE ON "Skill" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_Skill"();
CREATE TRIGGER "Skill_inputs_del" AFTER DELETE ON "Skill" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_Skill"();

-- User → Workspace.inputsRevision
CREATE FUNCTION "stackwise_inputs_User"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM old_rows) THEN UPDATE "Workspace" SET "inputsRevision" = "inputsRevision" + 1; END IF;
  ELSIF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON o."id" = n."id" WHERE o."name" IS DISTINCT FROM n."name" OR o."email" IS DISTINCT FROM n."email") THEN
    UPDATE "Workspace" SET "inputsRevision" = "inputsRevision" + 1;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "User_inputs_upd" AFTER UPDATE ON "User" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_User"();
CREATE TRIGGER "User_inputs_del" AFTER DELETE ON "User" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stackwise_inputs_User"();
