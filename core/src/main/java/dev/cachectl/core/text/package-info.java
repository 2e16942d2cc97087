/**
 * Text that reaches a terminal or a JSON document from outside cachectl: file names, provider strings,
 * config values. {@link dev.cachectl.core.text.TerminalText} escapes it for a terminal;
 * {@link dev.cachectl.core.text.FileNameCharset} decodes file names without losing a byte.
 */
package dev.cachectl.core.text;
