/**
 * What every module runs on: the embedded database, persistent jobs, web configuration
 * (language, problem details), and the command line.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.bangfu.platform;
