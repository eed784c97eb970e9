import sys

from checker.site.cli import main

sys.exit(main())
