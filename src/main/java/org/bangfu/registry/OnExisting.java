package org.bangfu.registry;

/**
 * What an import does with a household already on the register (same 户编号 in the organisation):
 * leave it and report it as already filed, or update it from the file.
 */
public enum OnExisting {

	SKIP, UPDATE

}
