import Glibc
import Receiver

// Thin wiring: run the command line, exit with its status.
exit(Commands.main(Array(CommandLine.arguments.dropFirst())))
