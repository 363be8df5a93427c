package org.bangfu.synthetic;

import java.io.Closeable;
import java.io.IOException;

/** Where generated rows go, one row of template cells at a time (the header first). */
interface HouseholdSink extends Closeable {

	void row(String[] cells) throws IOException;

}
