from swreflect.app import main

raise SystemExit(main())
