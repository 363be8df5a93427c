package org.bangfu.identification.rules;

/** The two kinds of value in the rule language: exact decimal numbers and yes/no. */
public enum Type {

	NUMBER, BOOLEAN

}
