"""The core never imports the UI: `facilitator` must run without Textual loaded."""

import subprocess
import sys


def test_services_and_cli_do_not_import_textual():
    code = (
        "import sys, facilitator.services, facilitator.cli, facilitator.services.bundles;"
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
