import Receiver
