/**
 * Small values every module uses: the acting user, organisation scope, business clock,
 * and the exception that carries a message key for the user's language.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.bangfu.shared;
