package org.bangfu.programs;

import java.util.List;

/** A sample file in a layout: its lines split into fields, and (text layouts) the text exactly as written. */
public record BankLayoutPreview(List<List<String>> rows, String text, byte[] bytes, String fileName) {
}
