package dev.cachectl.core.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 for file names, without losing a byte: a byte that is not part of valid UTF-8 decodes to the lone
 * surrogate U+DC80..U+DCFF holding it (Python's {@code surrogateescape}, PEP 383) and encodes back to that
 * byte. Two names that differ in their bytes stay different strings, and an escaped name opens the same
 * file again. The JDK's own decoding replaces such bytes by U+FFFD, which merges distinct names.
 */
public final class FileNameCharset extends Charset {

    /** The one instance. */
    public static final FileNameCharset INSTANCE = new FileNameCharset();

    private FileNameCharset() {
        super("x-cachectl-utf-8-surrogateescape", new String[0]);
    }

    /**
     * The charset for file names on a JVM whose file-name encoding ({@code sun.jnu.encoding}) is
     * {@code jnuEncoding}: this one for UTF-8, that encoding otherwise.
     */
    public static Charset forFileNames(Charset jnuEncoding) {
        return jnuEncoding.equals(StandardCharsets.UTF_8) ? INSTANCE : jnuEncoding;
    }

    /** Whether {@code codePoint} is a byte this charset could not decode (U+DC80..U+DCFF). */
    public static boolean isEscapedByte(int codePoint) {
        return codePoint >= 0xdc80 && codePoint <= 0xdcff;
    }

    /** Whether {@code text} holds a byte that is not valid UTF-8 (a name decoded by this charset). */
    public static boolean hasEscapedBytes(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isEscapedByte(text.charAt(i))
                    && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean contains(Charset cs) {
        return cs.equals(this) || StandardCharsets.UTF_8.contains(cs);
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new Decoder(this);
    }

    @Override
    public CharsetEncoder newEncoder() {
        return new Encoder(this);
    }

    private static final class Decoder extends CharsetDecoder {
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

        Decoder(Charset charset) {
            super(charset, 1.0f, 1.0f);
        }

        @Override
        protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
            while (true) {
                // A name is decoded whole, so an incomplete sequence at the end is malformed, not pending.
                CoderResult result = utf8.reset().decode(in, out, true);
                if (!result.isError()) {
                    return result.isOverflow() ? result : CoderResult.UNDERFLOW;
                }
                for (int i = 0; i < result.length(); i++) {
                    if (!out.hasRemaining()) {
                        return CoderResult.OVERFLOW;
                    }
                    out.put((char) (0xdc00 | in.get() & 0xff));
                }
            }
        }
    }

    private static final class Encoder extends CharsetEncoder {
        Encoder(Charset charset) {
            super(charset, 1.1f, 4.0f);
        }

        @Override
        protected CoderResult encodeLoop(CharBuffer in, ByteBuffer out) {
            while (in.hasRemaining()) {
                char c = in.get(in.position());
                int codePoint = c;
                int units = 1;
                if (Character.isHighSurrogate(c) && in.remaining() > 1
                        && Character.isLowSurrogate(in.get(in.position() + 1))) {
                    codePoint = Character.toCodePoint(c, in.get(in.position() + 1));
                    units = 2;
                } else if (isEscapedByte(c)) {
                    if (!out.hasRemaining()) {
                        return CoderResult.OVERFLOW;
                    }
                    out.put((byte) c);
                    in.position(in.position() + 1);
                    continue;
                } else if (Character.isSurrogate(c)) {
                    return CoderResult.unmappableForLength(1);
                }
                int length = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
                if (out.remaining() < length) {
                    return CoderResult.OVERFLOW;
                }
                switch (length) {
                    case 1 -> out.put((byte) codePoint);
                    case 2 -> out.put((byte) (0xc0 | codePoint >> 6)).put((byte) (0x80 | codePoint & 0x3f));
                    case 3 -> out.put((byte) (0xe0 | codePoint >> 12)).put((byte) (0x80 | codePoint >> 6 & 0x3f))
                            .put((byte) (0x80 | codePoint & 0x3f));
                    default -> out.put((byte) (0xf0 | codePoint >> 18)).put((byte) (0x80 | codePoint >> 12 & 0x3f))
                            .put((byte) (0x80 | codePoint >> 6 & 0x3f)).put((byte) (0x80 | codePoint & 0x3f));
                }
                in.position(in.position() + units);
            }
            return CoderResult.UNDERFLOW;
        }
    }
}
