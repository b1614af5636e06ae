import CEpoll

extension HTTPServer {
    /// CPUs this process may run on: the default number of event loops. Under
    /// `taskset -c 0` it is 1, so a pinned server does not split one core between loops.
    public static var usableProcessors: Int { Int(cepoll_usable_cpus()) }
}
