package org.bangfu.identity;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Locale;

import org.bangfu.platform.StartupProblem;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.bangfu.platform.StartupData;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On an empty database: creates the platform root organisation and the administrator
 * {@code admin}, whose password comes from BANGFU_ADMIN_PASSWORD or is generated and printed
 * once. Safe when several instances start at once (advisory lock).
 */
@Component
@Order(0)
class FirstStart implements StartupData {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	private static final long LOCK = 0x42414e47L;

	private final JdbcClient jdbc;

	private final Users users;

	private final TransactionTemplate tx;

	private final String adminPassword;

	private final MessageSource messages;

	FirstStart(JdbcClient jdbc, Users users, TransactionTemplate tx, MessageSource messages,
			@Value("${BANGFU_ADMIN_PASSWORD:${bangfu.admin-password:}}") String adminPassword) {
		this.jdbc = jdbc;
		this.users = users;
		this.tx = tx;
		this.messages = messages;
		this.adminPassword = adminPassword;
	}

	@Override
	public void load() {
		tx.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query(Object.class).single();
			if (users.anyUser()) {
				return;
			}
			Long root = jdbc.sql("SELECT id FROM organisation WHERE parent_id IS NULL ORDER BY id LIMIT 1")
				.query(Long.class)
				.optional()
				.orElseGet(this::createRoot);
			boolean generated = adminPassword == null || adminPassword.isBlank();
			String password = generated ? generatePassword() : adminPassword;
			if (!generated) {
				checkChosen(password);
			}
			users.createSystemUser("admin", "系统管理员", root, EnumSet.of(Role.ADMIN), password, generated);
			if (generated) {
				String banner = "=".repeat(72);
				System.out.println(banner);
				System.out.println(" Bangfu first start: administrator login 'admin', password: " + password);
				System.out.println(" This password is shown once. Set BANGFU_ADMIN_PASSWORD to choose it.");
				System.out.println(banner);
			}
			else {
				log.info("Created administrator 'admin' with the password from BANGFU_ADMIN_PASSWORD");
			}
		});
	}

	/** A password chosen with BANGFU_ADMIN_PASSWORD that breaks the rules stops the start with both reasons. */
	void checkChosen(String password) {
		try {
			PasswordPolicy.check("admin", password);
		}
		catch (BangfuException ex) {
			String zh = messages.getMessage(ex.messageKey(), ex.args(), Locale.SIMPLIFIED_CHINESE);
			String en = messages.getMessage(ex.messageKey(), ex.args(), Locale.ENGLISH);
			throw new StartupProblem(messages.getMessage("firstStart.adminPassword.rejected", new Object[] { zh },
					Locale.SIMPLIFIED_CHINESE) + " / "
					+ messages.getMessage("firstStart.adminPassword.rejected", new Object[] { en }, Locale.ENGLISH),
					messages.getMessage("firstStart.adminPassword.action", null, Locale.SIMPLIFIED_CHINESE) + " / "
							+ messages.getMessage("firstStart.adminPassword.action", null, Locale.ENGLISH));
		}
	}

	private long createRoot() {
		long id = jdbc.sql("INSERT INTO organisation (code, name, type, path) VALUES ('ROOT', '全部机构', 'PLATFORM', '/') RETURNING id")
			.query(Long.class)
			.single();
		jdbc.sql("UPDATE organisation SET path = ? WHERE id = ?").params("/" + id + "/", id).update();
		return id;
	}

	static String generatePassword() {
		String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
		String lower = "abcdefghijkmnpqrstuvwxyz";
		String digits = "23456789";
		String all = upper + lower + digits;
		SecureRandom random = new SecureRandom();
		StringBuilder sb = new StringBuilder();
		sb.append(upper.charAt(random.nextInt(upper.length())));
		sb.append(lower.charAt(random.nextInt(lower.length())));
		sb.append(digits.charAt(random.nextInt(digits.length())));
		for (int i = 0; i < 13; i++) {
			sb.append(all.charAt(random.nextInt(all.length())));
		}
		return sb.toString();
	}

}
