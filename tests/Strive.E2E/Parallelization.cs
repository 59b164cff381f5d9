// Browser tests share the machine's cores with the servers they drive, and several check how quickly the
// board answers: collections run one after another, never side by side (the memory test has a server of its
// own, and its fifty boards must not slow the board tests down).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
