module zecemulator/sdktest

go 1.21

require github.com/zenlayer/zenlayercloud-sdk-go v0.2.44
