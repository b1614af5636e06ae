import XCTest
@testable import Receiver
