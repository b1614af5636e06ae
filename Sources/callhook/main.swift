import Glibc
import Receiver

// Thin wiring: parse the arguments, run the command, exit with its status.
let status: Int32
switch CommandLineArguments.parse(Array(CommandLine.arguments.dropFirst())) {
case .failure(let error):
    Diagnostics.write("callhook: \(error)")
    status = 2
case .success(let command):
    status = Commands.run(command)
}
exit(status)
