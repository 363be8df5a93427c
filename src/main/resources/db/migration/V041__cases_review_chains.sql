-- Cases (M3/M4): review chains are configuration, not code. A chain is an ordered list of steps
-- for one case type; each step names who acts (role, organisation level and kind), its SLA, the
-- documents it needs, the form it records and the outcomes it allows. Shipped chains follow the
-- plans (6, 15) and national practice; an administrator edits them.

CREATE TABLE cases_chain (
    id                  BIGSERIAL    PRIMARY KEY,
    code                VARCHAR(40)  NOT NULL UNIQUE,
    name                VARCHAR(100) NOT NULL,
    name_en             VARCHAR(100) NOT NULL,
    case_type           VARCHAR(12)  NOT NULL CHECK (case_type IN ('NEW_FILING', 'ASSISTANCE', 'CHANGE', 'EXIT', 'REOPEN')),
    -- the kind of organisation whose cases use this chain by default (NULL = any)
    organisation_type   VARCHAR(30),
    notice_days         INTEGER      NOT NULL DEFAULT 7 CHECK (notice_days BETWEEN 1 AND 60),
    notice_working_days BOOLEAN      NOT NULL DEFAULT FALSE,
    -- when an approved case takes effect: on the approval date or on the first day of the next month (dibao)
    effective_from      VARCHAR(12)  NOT NULL DEFAULT 'APPROVAL' CHECK (effective_from IN ('APPROVAL', 'NEXT_MONTH')),
    source              VARCHAR(200),
    active              BOOLEAN      NOT NULL DEFAULT TRUE,
    version             INTEGER      NOT NULL DEFAULT 0,
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by          VARCHAR(50)  NOT NULL DEFAULT 'system'
);

CREATE TABLE cases_chain_step (
    id                 BIGSERIAL    PRIMARY KEY,
    chain_id           BIGINT       NOT NULL REFERENCES cases_chain (id),
    position           INTEGER      NOT NULL CHECK (position >= 1),
    code               VARCHAR(40)  NOT NULL,
    name               VARCHAR(100) NOT NULL,
    name_en            VARCHAR(100) NOT NULL,
    role               VARCHAR(20)  NOT NULL CHECK (role IN ('CASEWORKER', 'REVIEWER', 'APPROVER')),
    -- the level of the acting organisation in the tree, by its region (ANY = any organisation above or at the case's)
    level              VARCHAR(10)  NOT NULL CHECK (level IN ('ANY', 'PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    organisation_type  VARCHAR(30),
    sla_days           INTEGER      NOT NULL CHECK (sla_days BETWEEN 1 AND 365),
    sla_working_days   BOOLEAN      NOT NULL DEFAULT TRUE,
    form               VARCHAR(20)  NOT NULL CHECK (form IN ('COMMENT', 'INVESTIGATION', 'COLLECTIVE_DECISION',
                                                          'CROSS_CHECK', 'NOTICE')),
    required_documents TEXT[]       NOT NULL DEFAULT '{}',
    outcomes           TEXT[]       NOT NULL DEFAULT '{PASS,RETURN,REJECT}',
    CONSTRAINT cases_chain_step_position_uq UNIQUE (chain_id, position),
    CONSTRAINT cases_chain_step_code_uq UNIQUE (chain_id, code),
    CONSTRAINT cases_chain_step_outcomes CHECK (outcomes <@ ARRAY['PASS', 'RETURN', 'REJECT']::text[] AND 'PASS' = ANY (outcomes))
);

-- Documents a case of each type needs before it can be submitted (plan 18). rule: AT_LEAST_ONE or
-- EACH_MEMBER (one per active member of the household).
CREATE TABLE cases_checklist (
    case_type VARCHAR(12) NOT NULL,
    kind      VARCHAR(20) NOT NULL,
    rule      VARCHAR(12) NOT NULL CHECK (rule IN ('AT_LEAST_ONE', 'EACH_MEMBER')),
    position  INTEGER     NOT NULL,
    PRIMARY KEY (case_type, kind)
);

INSERT INTO cases_checklist (case_type, kind, rule, position) VALUES
    ('NEW_FILING', 'APPLICATION', 'AT_LEAST_ONE', 1),
    ('NEW_FILING', 'AUTHORISATION', 'AT_LEAST_ONE', 2),
    ('NEW_FILING', 'IDENTITY', 'EACH_MEMBER', 3),
    ('NEW_FILING', 'LABOUR_RELATION', 'AT_LEAST_ONE', 4),
    ('NEW_FILING', 'INCOME', 'AT_LEAST_ONE', 5),
    ('NEW_FILING', 'HARDSHIP', 'AT_LEAST_ONE', 6),
    ('ASSISTANCE', 'ASSISTANCE_FORM', 'AT_LEAST_ONE', 1),
    ('CHANGE', 'CHANGE_PROOF', 'AT_LEAST_ONE', 1),
    ('EXIT', 'INCOME', 'AT_LEAST_ONE', 1),
    ('REOPEN', 'APPLICATION', 'AT_LEAST_ONE', 1),
    ('REOPEN', 'AUTHORISATION', 'AT_LEAST_ONE', 2);

-- Union hardship-worker filing (plan 15, ACFTU): the worker applies, the base union declares
-- (submission), the county-or-higher union reviews (home visit, cross-check) and publishes, the
-- county federation approves.
INSERT INTO cases_chain (code, name, name_en, case_type, organisation_type, notice_days, notice_working_days, source)
VALUES ('union-filing', '困难职工建档（工会）', 'Hardship worker filing (union)', 'NEW_FILING', 'UNION', 5, TRUE,
        '计划15：由职工申请，经基层工会申报，县级及以上工会审核公示，县总工会审批');
INSERT INTO cases_chain_step (chain_id, position, code, name, name_en, role, level, organisation_type, sla_days, form, required_documents, outcomes)
SELECT id, 1, 'county-review', '县级工会审核（入户调查）', 'County union review (home visit)', 'REVIEWER', 'COUNTY', 'UNION', 10, 'INVESTIGATION', '{}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'union-filing'
UNION ALL SELECT id, 2, 'cross-check', '信息比对', 'Cross-check with other registries', 'REVIEWER', 'COUNTY', 'UNION', 5, 'CROSS_CHECK', '{CROSS_CHECK_REPORT}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'union-filing'
UNION ALL SELECT id, 3, 'notice', '公示', 'Public notice', 'REVIEWER', 'COUNTY', 'UNION', 15, 'NOTICE', '{}'::text[], '{PASS}'::text[] FROM cases_chain WHERE code = 'union-filing'
UNION ALL SELECT id, 4, 'county-approval', '县总工会审批', 'County federation approval', 'APPROVER', 'COUNTY', 'UNION', 5, 'COMMENT', '{}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'union-filing';

-- Civil-affairs dibao (national practice): intake by the community (submission) → home visit →
-- first opinion by democratic appraisal → notice 7 days → county review with spot checks →
-- county approval; payment from the next month.
INSERT INTO cases_chain (code, name, name_en, case_type, organisation_type, notice_days, notice_working_days, effective_from, source)
VALUES ('dibao-filing', '最低生活保障申请（民政）', 'Minimum living allowance (civil affairs)', 'NEW_FILING', 'CIVIL_AFFAIRS', 7, FALSE, 'NEXT_MONTH',
        '民政低保：受理→入户调查→民主评议→公示7天→县级审核（抽查）→审批，次月起发放');
INSERT INTO cases_chain_step (chain_id, position, code, name, name_en, role, level, organisation_type, sla_days, form, required_documents, outcomes)
SELECT id, 1, 'home-visit', '乡镇（街道）入户调查', 'Township home visit', 'REVIEWER', 'TOWNSHIP', 'TOWNSHIP_GOVERNMENT', 10, 'INVESTIGATION', '{}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'dibao-filing'
UNION ALL SELECT id, 2, 'first-opinion', '民主评议（初审意见）', 'Democratic appraisal (first opinion)', 'REVIEWER', 'TOWNSHIP', 'TOWNSHIP_GOVERNMENT', 5, 'COLLECTIVE_DECISION', '{}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'dibao-filing'
UNION ALL SELECT id, 3, 'notice', '公示（7天）', 'Public notice (7 days)', 'REVIEWER', 'TOWNSHIP', 'TOWNSHIP_GOVERNMENT', 15, 'NOTICE', '{}'::text[], '{PASS}'::text[] FROM cases_chain WHERE code = 'dibao-filing'
UNION ALL SELECT id, 4, 'county-review', '县级民政审核（抽查）', 'County review (spot check)', 'REVIEWER', 'COUNTY', 'CIVIL_AFFAIRS', 10, 'CROSS_CHECK', '{CROSS_CHECK_REPORT}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'dibao-filing'
UNION ALL SELECT id, 5, 'county-approval', '县级民政审批', 'County approval', 'APPROVER', 'COUNTY', 'CIVIL_AFFAIRS', 5, 'COMMENT', '{}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'dibao-filing';

-- Company procedure (plan 6): written application → department initial check, manager signs →
-- company investigates → managers' meeting decides → notice 3 days → reported up.
INSERT INTO cases_chain (code, name, name_en, case_type, organisation_type, notice_days, notice_working_days, source)
VALUES ('company-filing', '困难职工评定（企业）', 'Hardship worker appraisal (company)', 'NEW_FILING', 'COMPANY', 3, FALSE,
        '计划6：书面申请→部门初核、经理签字→公司调查核实→经理办公会研究→公示3天→上报集团党群部');
INSERT INTO cases_chain_step (chain_id, position, code, name, name_en, role, level, organisation_type, sla_days, form, required_documents, outcomes)
SELECT id, 1, 'department-check', '部门初步核查（部门经理签字）', 'Department check (manager signs)', 'REVIEWER', 'ANY', NULL, 5, 'COMMENT', '{}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'company-filing'
UNION ALL SELECT id, 2, 'investigation', '公司调查核实', 'Company investigation', 'REVIEWER', 'ANY', NULL, 10, 'INVESTIGATION', '{}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'company-filing'
UNION ALL SELECT id, 3, 'managers-meeting', '经理办公会研究', 'Managers'' meeting', 'APPROVER', 'ANY', NULL, 10, 'COLLECTIVE_DECISION', '{}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'company-filing'
UNION ALL SELECT id, 4, 'notice', '公示栏公示3天', 'Notice board (3 days)', 'REVIEWER', 'ANY', NULL, 10, 'NOTICE', '{}'::text[], '{PASS}'::text[] FROM cases_chain WHERE code = 'company-filing'
UNION ALL SELECT id, 5, 'report-up', '上报集团党群部', 'Report to the group', 'APPROVER', 'ANY', NULL, 5, 'COMMENT', '{}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'company-filing';

-- Exit (plan 15): the base union declares (submission), the county-or-higher union re-checks, the
-- county federation reviews and publishes, then the household leaves the register.
INSERT INTO cases_chain (code, name, name_en, case_type, organisation_type, notice_days, notice_working_days, source)
VALUES ('union-exit', '困难职工脱困退出（工会）', 'Exit from hardship (union)', 'EXIT', 'UNION', 5, TRUE,
        '计划15：由职工所在基层工会申报，县级及以上工会复核后，县总工会审核公示后，退出困难职工援助范围');
INSERT INTO cases_chain_step (chain_id, position, code, name, name_en, role, level, organisation_type, sla_days, form, required_documents, outcomes)
SELECT id, 1, 'county-recheck', '县级工会复核（入户调查）', 'County union re-check (home visit)', 'REVIEWER', 'COUNTY', 'UNION', 10, 'INVESTIGATION', '{}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'union-exit'
UNION ALL SELECT id, 2, 'notice', '公示', 'Public notice', 'REVIEWER', 'COUNTY', 'UNION', 15, 'NOTICE', '{}'::text[], '{PASS}'::text[] FROM cases_chain WHERE code = 'union-exit'
UNION ALL SELECT id, 3, 'county-approval', '县总工会审核退出', 'County federation exit decision', 'APPROVER', 'COUNTY', 'UNION', 5, 'COMMENT', '{EXIT_FORM}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'union-exit';

-- The other case types of a filed household (plan 18: the assistance form plus what changed).
INSERT INTO cases_chain (code, name, name_en, case_type, organisation_type, notice_days, notice_working_days, source)
VALUES ('union-assistance', '在档困难职工救助申请', 'Assistance request (filed household)', 'ASSISTANCE', NULL, 5, TRUE, '计划18：在档困难职工申请救助表'),
       ('union-change', '档案信息变更', 'Change of file', 'CHANGE', NULL, 5, TRUE, '计划18：第一大项中有变化或需要更新的部分'),
       ('union-reopen', '重新纳入帮扶', 'Reopen a file', 'REOPEN', NULL, 5, TRUE, '计划15：返困家庭重新申请');
INSERT INTO cases_chain_step (chain_id, position, code, name, name_en, role, level, organisation_type, sla_days, form, required_documents, outcomes)
SELECT id, 1, 'review', '审核', 'Review', 'REVIEWER', 'ANY', NULL, 5, 'COMMENT', '{}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'union-assistance'
UNION ALL SELECT id, 2, 'approval', '审批', 'Approval', 'APPROVER', 'ANY', NULL, 5, 'COMMENT', '{}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'union-assistance'
UNION ALL SELECT id, 1, 'review', '审核变更', 'Review the change', 'REVIEWER', 'ANY', NULL, 5, 'COMMENT', '{}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'union-change'
UNION ALL SELECT id, 2, 'approval', '审批变更', 'Approve the change', 'APPROVER', 'ANY', NULL, 5, 'COMMENT', '{}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'union-change'
UNION ALL SELECT id, 1, 'home-visit', '入户调查', 'Home visit', 'REVIEWER', 'ANY', NULL, 10, 'INVESTIGATION', '{}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'union-reopen'
UNION ALL SELECT id, 2, 'notice', '公示', 'Public notice', 'REVIEWER', 'ANY', NULL, 15, 'NOTICE', '{}'::text[], '{PASS}'::text[] FROM cases_chain WHERE code = 'union-reopen'
UNION ALL SELECT id, 3, 'approval', '审批', 'Approval', 'APPROVER', 'ANY', NULL, 5, 'COMMENT', '{}'::text[], '{PASS,RETURN,REJECT}'::text[] FROM cases_chain WHERE code = 'union-reopen';
