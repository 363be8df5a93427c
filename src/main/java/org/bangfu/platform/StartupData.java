package org.bangfu.platform;

/**
 * Data a module puts in place when the application starts (the first administrator, shipped
 * village codes, rule sets, demo data). All of it is loaded, in {@code @Order}, before the web
 * server opens its port and before readiness reports ready ({@link StartupDataLoader}): nobody
 * can reach a login page that would still refuse the administrator. Each must be safe to run
 * on every start and on several instances at once.
 */
public interface StartupData {

	void load() throws Exception;

}
