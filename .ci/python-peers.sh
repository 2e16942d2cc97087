# Makes (or reuses) a Python venv with the real peers the tests compare against (huggingface_hub and its `hf`
# CLI) and exports CACHECTL_HF_PYTHON and CACHECTL_REQUIRE_PEERS=1 for the test suite. Sourced by .ci/run;
# a developer can source it too. The venv lives outside the checkout so a clean clone reuses it.
peers_venv="${CACHECTL_PEERS_VENV:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/cachectl/peers-venv}"
peers_ok() { [ -x "$peers_venv/bin/python" ] && "$peers_venv/bin/python" -c 'import huggingface_hub' 2>/dev/null; }
if ! peers_ok; then
  echo "ci: installing the Python peers into $peers_venv" >&2
  rm -rf "$peers_venv"
  mkdir -p "$(dirname "$peers_venv")"
  # --retries 0: pip also tries the public index, which may be unreachable; each retry costs seconds
  if python3 -m venv "$peers_venv" \
      && PIP_RETRIES=0 "$peers_venv/bin/pip" install -q --retries 0 --timeout 5 --disable-pip-version-check \
           huggingface_hub >&2; then
    :
  else
    echo "ci: could not install the Python peers; the cross-checks against them will fail" >&2
  fi
fi
export CACHECTL_HF_PYTHON="$peers_venv/bin/python"
export CACHECTL_REQUIRE_PEERS=1
