print("groupledger")
