/**
 * Reading uploaded sheets (CSV or the first worksheet of an .xlsx, recognised by content, zip
 * bombs refused, streamed) and writing row-level error reports, shared by the imports of the
 * register and of pairings.
 */
package org.bangfu.platform.sheets;
