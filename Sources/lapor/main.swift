import LaporCLI

LaporCLI.main()
