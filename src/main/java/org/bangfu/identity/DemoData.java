package org.bangfu.identity;

import java.util.EnumSet;
import java.util.Set;

import org.bangfu.organisation.OrganisationCommands.CreateOrganisation;
import org.bangfu.organisation.OrganisationType;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.bangfu.platform.StartupData;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data for a first look: a small city (Wuhan, Jiang'an district) with a union branch and
 * a civil-affairs branch, and one user of each role. Loads once, on the embedded default
 * database, unless bangfu.demo-data=false (or forced on elsewhere with bangfu.demo-data=true).
 */
@Component
@Order(10)
class DemoData implements StartupData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final Users users;

	private final TransactionTemplate tx;

	private final Environment env;

	private final String password;

	DemoData(JdbcClient jdbc, Organisations organisations, Users users, TransactionTemplate tx, Environment env,
			@Value("${bangfu.demo-password:Bangfu-Demo-2026}") String password) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.users = users;
		this.tx = tx;
		this.env = env;
		this.password = password;
	}

	@Override
	public void load() {
		String setting = env.getProperty("bangfu.demo-data", "auto");
		boolean embedded = env.getProperty("bangfu.embedded-db.active", Boolean.class, false);
		if ("false".equals(setting) || ("auto".equals(setting) && !embedded)) {
			return;
		}
		tx.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(0x44454d4fL).query(Object.class).single();
			if (jdbc.sql("SELECT count(*) FROM organisation WHERE code = 'WH-UNION'").query(Long.class).single() > 0) {
				return;
			}
			long rootId = jdbc.sql("SELECT id FROM organisation WHERE parent_id IS NULL ORDER BY id LIMIT 1")
				.query(Long.class)
				.single();
			Scope all = new Scope(rootId, "/" + rootId + "/");
			var city = org(all, "WH-UNION", "武汉市总工会", OrganisationType.UNION, "420100", rootId);
			var district = org(all, "JA-UNION", "江岸区总工会", OrganisationType.UNION, "420102", city.id());
			var street = org(all, "JA-DZ-UNION", "大智街道工会", OrganisationType.UNION, "420102002", district.id());
			org(all, "JA-YY-UNION", "一元街道工会", OrganisationType.UNION, "420102003", district.id());
			var civil = org(all, "JA-CIVIL", "江岸区民政局", OrganisationType.CIVIL_AFFAIRS, "420102", rootId);
			var township = org(all, "JA-CZ-GOV", "车站街道办事处", OrganisationType.TOWNSHIP_GOVERNMENT, "420102004",
					civil.id());
			org(all, "JA-CZ-C01", "车站社区居委会", OrganisationType.VILLAGE_COMMITTEE, "420102004", township.id());
			org(all, "WH-STEEL", "武汉某钢铁公司工会", OrganisationType.COMPANY, "420102", city.id());
			user("demo.admin", "区管理员", district.id(), EnumSet.of(Role.ADMIN));
			user("demo.caseworker", "李社工", street.id(), EnumSet.of(Role.CASEWORKER));
			user("demo.reviewer", "王审核", district.id(), EnumSet.of(Role.REVIEWER));
			user("demo.approver", "张审批", district.id(), EnumSet.of(Role.APPROVER));
			user("demo.cadre", "赵干部", street.id(), EnumSet.of(Role.PAIRING_CADRE));
			user("demo.finance", "钱财务", district.id(), EnumSet.of(Role.FINANCE_OFFICER));
			user("demo.auditor", "孙审计", city.id(), EnumSet.of(Role.AUDITOR));
			user("demo.civil", "周民政", civil.id(), EnumSet.of(Role.CASEWORKER, Role.REVIEWER));
			log.info("Loaded demo data: organisations under 武汉市总工会 and 江岸区民政局; users demo.* with the demo password");
		});
	}

	private OrganisationView org(Scope scope, String code, String name, OrganisationType type, String region,
			long parent) {
		return organisations.create(scope, new CreateOrganisation(code, name, type, region, parent));
	}

	private void user(String login, String name, long org, Set<Role> roles) {
		users.createSystemUser(login, name, org, roles, password, false);
	}

}
