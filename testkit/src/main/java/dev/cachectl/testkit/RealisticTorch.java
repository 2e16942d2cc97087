package dev.cachectl.testkit;

import java.nio.file.Path;

/**
 * The torch cache most tests use.
 *
 * <pre>
 * hub/checkpoints/resnet18-f37072fd.pth                 46 000
 * hub/checkpoints/vgg16-397923af.pth.&lt;32 hex&gt;.partial   2 222 (torch 2.1+ partial download)
 * hub/checkpoints/tmpk2j4x9q0                            1 234 (older torch partial download)
 * hub/pytorch_vision_v0.10.0/hubconf.py                    300
 * hub/snakers4_silero-vad_master/hubconf.py                200
 * hub/trusted_list
 * whisper/tiny.pt                                       10 000
 * whisper/base.pt                                       20 000
 * </pre>
 */
public final class RealisticTorch {

    private RealisticTorch() {
    }

    /** Builds the tree in {@code torchHome}. */
    public static TorchCacheFixture build(Path torchHome) {
        return TorchCacheFixture.at(torchHome)
                .checkpoint("resnet18-f37072fd.pth", 46_000)
                .partial("vgg16-397923af.pth", 2_222)
                .partial("tmpk2j4x9q0", 1_234)
                .hubRepo("pytorch", "vision", "v0.10.0", 300)
                .hubRepo("snakers4", "silero-vad", "master", 200)
                .trustedList("pytorch", "snakers4")
                .whisperModel("tiny.pt", 10_000)
                .whisperModel("base.pt", 20_000);
    }
}
